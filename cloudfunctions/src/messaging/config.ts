import { DEFAULT_MAX_ATTEMPTS, messageKinds, type MessageKind } from '@linli/shared';
import { z } from 'zod';

/** Env variable holding the WeChat template id of a kind: bill_due → LINLI_TMPL_BILL_DUE. */
export const templateEnvName = (kind: MessageKind): string => `LINLI_TMPL_${kind.toUpperCase()}`;

/** An unset `{{env.X}}` placeholder in cloudbaserc arrives as an empty string: treat it as unset. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const TemplateId = z.string().regex(/^[\w-]{1,128}$/, '模板编号格式不正确');

const MessagingEnv = z
  .object({
    /**
     * `local`: the WeChat simulator in the same store (npm start, tests); `wechat`: the real API.
     * Inside CloudBase it defaults to `wechat`, so a deployment missing its WeChat settings
     * fails loudly instead of "sending" to a simulator.
     */
    LINLI_MESSAGE_TRANSPORT: optional(z.enum(['local', 'wechat'])),
    TCB_ENV: optional(z.string()),
    SCF_NAMESPACE: optional(z.string()),
    LINLI_WX_APPID: optional(z.string()),
    LINLI_WX_APPSECRET: optional(z.string()),
    /** Which build of the mini-program a message opens. */
    LINLI_MINIPROGRAM_STATE: optional(z.enum(['developer', 'trial', 'formal'])),
    LINLI_MESSAGE_MAX_ATTEMPTS: optional(z.coerce.number().int().min(1).max(10)),
    ...Object.fromEntries(messageKinds.map((kind) => [templateEnvName(kind), optional(TemplateId)])),
  })
  .transform((env) => ({
    ...env,
    LINLI_MESSAGE_TRANSPORT:
      env.LINLI_MESSAGE_TRANSPORT ??
      (env.TCB_ENV || env.SCF_NAMESPACE ? ('wechat' as const) : ('local' as const)),
  }))
  .superRefine((env, ctx) => {
    if (env.LINLI_MESSAGE_TRANSPORT !== 'wechat') return;
    for (const name of ['LINLI_WX_APPID', 'LINLI_WX_APPSECRET'] as const)
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: '使用微信发送时必填' });
    for (const kind of messageKinds)
      if (!(env as Record<string, unknown>)[templateEnvName(kind)])
        ctx.addIssue({ code: 'custom', path: [templateEnvName(kind)], message: '使用微信发送时必填' });
  });

export interface MessagingConfig {
  transport: 'local' | 'wechat';
  appId: string | null;
  appSecret: string | null;
  miniprogramState: 'developer' | 'trial' | 'formal';
  maxAttempts: number;
  templateIds: Record<MessageKind, string>;
}

/** Template ids the local simulator knows when none are configured. */
export const localTemplateId = (kind: MessageKind): string => `local-${kind}`;

export function parseMessagingConfig(source: NodeJS.ProcessEnv): MessagingConfig {
  const parsed = MessagingEnv.safeParse(source);
  if (!parsed.success)
    throw new Error(
      `订阅消息配置有误 / invalid messaging env: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const env = parsed.data as z.output<typeof MessagingEnv> & Record<string, string | undefined>;
  return {
    transport: env.LINLI_MESSAGE_TRANSPORT,
    appId: env.LINLI_WX_APPID ?? null,
    appSecret: env.LINLI_WX_APPSECRET ?? null,
    miniprogramState: env.LINLI_MINIPROGRAM_STATE ?? 'formal',
    maxAttempts: env.LINLI_MESSAGE_MAX_ATTEMPTS ?? DEFAULT_MAX_ATTEMPTS,
    templateIds: Object.fromEntries(
      messageKinds.map((kind) => [kind, env[templateEnvName(kind)] ?? localTemplateId(kind)]),
    ) as Record<MessageKind, string>,
  };
}

let cached: MessagingConfig | undefined;

/** The deployment's messaging settings, parsed from the environment once (a bad value fails fast). */
export function messagingConfig(): MessagingConfig {
  cached ??= parseMessagingConfig(process.env);
  return cached;
}

/** Kinds that share each template id (the quota ledger is per template, not per kind). */
export function kindsByTemplate(config: MessagingConfig): Map<string, MessageKind[]> {
  const byTemplate = new Map<string, MessageKind[]>();
  for (const kind of messageKinds) {
    const id = config.templateIds[kind];
    byTemplate.set(id, [...(byTemplate.get(id) ?? []), kind]);
  }
  return byTemplate;
}
