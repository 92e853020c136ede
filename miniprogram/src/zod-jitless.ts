import { z } from 'zod';

// WeChat forbids `new Function`. zod decides whether to compile its fast path when a schema is
// built, so this module is app.tsx's first import: it runs before @linli/shared defines any schema.
z.config({ jitless: true });
