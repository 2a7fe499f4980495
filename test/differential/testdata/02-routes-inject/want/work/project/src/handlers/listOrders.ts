import { Request, Response } from 'express';

export function listOrders(req: Request, res: Response) {
  res.json({ route: '/orders', method: 'GET' });
}
