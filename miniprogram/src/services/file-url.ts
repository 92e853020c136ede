// Pages import the display address of a stored file from here or from services/upload; one rule.
export { fileUrl } from './upload/file-url';
