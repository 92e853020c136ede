import { keyId, type Complaint, type Conversation, type ServiceMessage } from '@linli/shared';
import type { Doc, Store } from '../_lib/store/port';

/** Collection names of the service desk (indexes: _lib/collections.ts). */
export const CONVERSATIONS = 'service_conversations';
export const SERVICE_MESSAGES = 'service_messages';
export const COMPLAINTS = 'complaints';
export const SERVICE_SETTINGS = 'service_settings';

export type ConversationDoc = Conversation & Doc;
export type ServiceMessageDoc = ServiceMessage & Doc;
export type ComplaintDoc = Complaint & Doc;

/** Per-estate desk settings; absent means the defaults. */
export interface ServiceSettings extends Doc {
  estateId: string;
  quickReplies: string[];
  updatedAt: number;
  updatedBy: string;
}

/** One thread per owner account and household: starting again returns the same one. */
export const conversationId = (accountId: string, householdId: string): string =>
  keyId('conv', accountId, householdId);
/** A message's id comes from the sender's request id, so a retried send writes nothing new. */
export const serviceMessageId = (conversation: string, senderAccountId: string, requestId: string): string =>
  keyId('smsg', conversation, senderAccountId, requestId);
/** Likewise a retried complaint submit. */
export const complaintId = (accountId: string, requestId: string): string =>
  keyId('cmpl', accountId, requestId);
export const serviceSettingsId = (estateId: string): string => keyId('ssvc', estateId);

export function serviceCollections(store: Store) {
  return {
    conversations: store.collection<ConversationDoc>(CONVERSATIONS),
    messages: store.collection<ServiceMessageDoc>(SERVICE_MESSAGES),
    complaints: store.collection<ComplaintDoc>(COMPLAINTS),
    settings: store.collection<ServiceSettings>(SERVICE_SETTINGS),
  };
}
