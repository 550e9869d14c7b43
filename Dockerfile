# backbone-sync as a container: one run per container start, for Kubernetes
# CronJobs and CI schedules. Tokens come from the environment at run time.
FROM node:24-slim

WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# The image already has Node 24, so the node@24 package's install script is not needed.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY bin ./bin
COPY src ./src
COPY connectors ./connectors
COPY mappings ./mappings

USER node
# Mount your config at /config/backbone-sync.config.json (and your mappings if edited).
# The V8 flag is the launcher's own (see bin/backbone-sync.js): a smaller young generation, a lower peak RSS.
ENTRYPOINT ["node", "--max-semi-space-size=8", "bin/backbone-sync.js"]
CMD ["sync", "--config", "/config/backbone-sync.config.json"]
