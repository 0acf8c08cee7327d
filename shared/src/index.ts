export { z } from './schemas/zod';
