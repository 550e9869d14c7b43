import { sandboxUuid } from './ids.ts';

/**
 * The sandbox company's strategy: the Impact and Usage pages of its Notion
 * strategy database. Jira epics in the sample portfolio link to these by
 * `impact-<slug>` / `usage-<slug>` labels and by Notion URLs in descriptions.
 */
export interface SandboxStrategyPage {
  id: string;
  title: string;
  layer: 'Impact' | 'Usage';
  /** Empty when the page relies on its title for the slug. */
  slug: string;
  flow: 'Acquisition' | 'Activation' | 'Core Experience' | null;
  keywords: string[];
  narrative: string;
  inTrash?: boolean;
  /** Written after the epics were planned: no epic serves it, so the sandbox shows strategy without work. */
  addedAfterPlanning?: boolean;
}

const page = (p: Omit<SandboxStrategyPage, 'id'>): SandboxStrategyPage => ({ id: sandboxUuid(`strategy:${p.title}`), ...p });

export const SANDBOX_STRATEGY_PAGES: readonly SandboxStrategyPage[] = [
  page({ title: 'Small businesses get paid faster', layer: 'Impact', slug: 'faster-payouts', flow: null, keywords: ['payout', 'settlement'], narrative: 'Cash arrives the day the work is done, not a week later.' }),
  page({ title: 'Finance teams trust our numbers', layer: 'Impact', slug: 'trusted-reporting', flow: null, keywords: ['reconciliation', 'ledger', 'reporting'], narrative: 'Every figure reconciles to the cent, every month.' }),
  page({ title: 'Win mid-market retailers', layer: 'Impact', slug: 'mid-market', flow: null, keywords: ['multi-store', 'mid-market'], narrative: 'Retailers with 10 to 200 stores choose us over the incumbents.' }),
  page({ title: 'Compliance without friction', layer: 'Impact', slug: '', flow: null, keywords: ['kyc', 'audit'], narrative: 'Regulation is met without slowing customers down.' }),
  page({ title: 'Self-serve signup', layer: 'Usage', slug: 'self-serve-signup', flow: 'Acquisition', keywords: ['signup', 'landing page', 'referral'], narrative: 'A visitor becomes an account without talking to sales.' }),
  page({ title: 'Partner marketplace listings', layer: 'Usage', slug: 'marketplace-listings', flow: 'Acquisition', keywords: ['marketplace', 'partner'], narrative: 'Partners bring us customers through their app stores.' }),
  page({ title: 'First payment in a day', layer: 'Usage', slug: 'first-payment', flow: 'Activation', keywords: ['first payment', 'onboarding'], narrative: 'A new account takes its first payment within 24 hours.' }),
  page({ title: 'Guided account setup', layer: 'Usage', slug: 'guided-setup', flow: 'Activation', keywords: ['setup wizard', 'checklist'], narrative: 'Setup tells people what to do next.' }),
  page({ title: 'Everyday invoicing', layer: 'Usage', slug: 'everyday-invoicing', flow: 'Core Experience', keywords: ['invoice', 'billing'], narrative: 'Invoicing is the habit customers come back for.' }),
  page({ title: 'Mobile checkout', layer: 'Usage', slug: 'mobile-checkout', flow: 'Core Experience', keywords: ['checkout', 'mobile app'], narrative: 'Paying on a phone takes two taps.' }),
  page({ title: 'Expand to the Nordics', layer: 'Impact', slug: 'nordics', flow: null, keywords: ['nordic'], narrative: 'Merchants in Sweden, Norway and Denmark sign up in their own language.', addedAfterPlanning: true }),
  page({ title: 'Legacy desktop app', layer: 'Usage', slug: 'desktop-app', flow: 'Core Experience', keywords: ['desktop'], narrative: 'Retired in 2025.', inTrash: true }),
];
