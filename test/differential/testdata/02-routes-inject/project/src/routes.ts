import { Router } from 'express';
import { health } from './handlers/health';
import { version } from './handlers/version';

const router = Router();

router.get('/health', health);
router.get('/version', version);
// hygen:routes

export default router;
