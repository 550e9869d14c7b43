# backbone-sync as a container: one run per container start, for Kubernetes
# CronJobs and CI schedules. Tokens come from the environment at run time.
# The image holds exactly what `npm pack` ships (dist/, the bundled rules) plus the
# runtime dependencies pinned by the lockfile: no TypeScript sources, no development
# tools, no node@24 package.

# Stage 1: the package, built as `npm pack` builds it for the registry (prepack runs the build).
FROM node:24-slim AS package
WORKDIR /build
COPY package.json package-lock.json ./
# --ignore-scripts: this image already has Node 24, so the node@24 development
# package's binary download is skipped; esbuild works without its optional postinstall.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY bin ./bin
COPY src ./src
COPY connectors ./connectors
COPY mappings ./mappings
COPY README.md config.example.json ./
RUN npm pack --pack-destination /tmp && mv /tmp/backbone-sync-*.tgz /tmp/backbone-sync.tgz

# Stage 2: the runtime, from the packed package.
FROM node:24-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=package /tmp/backbone-sync.tgz /tmp/backbone-sync.tgz
COPY package-lock.json ./
RUN tar -xzf /tmp/backbone-sync.tgz --strip-components=1 --no-same-owner \
  && rm /tmp/backbone-sync.tgz \
  && npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && npm cache clean --force

# The node image's own `node` user, by number: Kubernetes' runAsNonRoot can only verify a numeric user.
USER 1000:1000
# Mount your config at /config/backbone-sync.config.json. Without a "mappings" key it
# runs on the rules bundled in /app/mappings; with one, mount that folder beside it.
# The run lock goes to /tmp: give it a writable volume when the root filesystem is read-only.
# The V8 flag is the launcher's own (see bin/backbone-sync.js): a smaller young generation, a lower peak RSS.
ENTRYPOINT ["node", "--max-semi-space-size=8", "--heap-growing-percent=20", "dist/backbone-sync.js"]
CMD ["sync", "--config", "/config/backbone-sync.config.json"]
