import { retention as contract } from '@spoorboek/shared/contracts/retention';
import { processingRegister, processingRegisterCsv } from '@spoorboek/shared/retention/processing';
import { RETENTION_RULES } from '@spoorboek/shared/retention/rules';
import type { Config } from '../../config';
import { implement } from '../../http/route';
import { onWire } from '../../http/wire';
import { requireSomeRight } from '../../policy/enforce';
import * as hold from './hold';
import * as retention from './service';

const ruleView = ({ category, label, termText, from, basis, enforcedBy }: (typeof RETENTION_RULES)[number]) =>
  ({ category, label, termText, from, basis, enforcedBy });

export function retentionRoutes(config: Config) {
  return implement(contract, {
    notice: () => ({ contact: config.privacyContact, register: processingRegister(), retention: RETENTION_RULES.map(ruleView) }),
    rules: async ({ actor }) => {
      await requireSomeRight(actor, 'read', 'Retention');
      return { items: RETENTION_RULES.map(ruleView) };
    },
    processingRegister: async ({ actor, query, res }) => {
      await requireSomeRight(actor, 'read', 'Retention');
      if (query.format === 'csv') {
        // A file: written here, so the wrapper answers nothing more.
        res.type('text/csv; charset=utf-8').attachment('verwerkingsregister.csv').send(`\uFEFF${processingRegisterCsv()}`);
        return undefined as never;
      }
      return { generatedAt: new Date().toISOString(), items: processingRegister() };
    },
    overview: ({ actor }) => retention.preview(actor),
    run: ({ actor }) => retention.execute(actor),
    placeLegalHold: ({ actor, params, body }) => onWire(hold.place(actor, params.clientId, body)),
    liftLegalHold: ({ actor, params }) => onWire(hold.lift(actor, params.clientId)),
  });
}
