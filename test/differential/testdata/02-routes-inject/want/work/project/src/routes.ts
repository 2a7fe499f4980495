import { Router } from 'express';
import { health } from './handlers/health';
import { listOrders } from './handlers/listOrders';
import { version } from './handlers/version';

const router = Router();

router.get('/health', health);
router.get('/version', version);
router.get('/orders', listOrders);

// hygen:routes

export default router;
