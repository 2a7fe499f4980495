// Invoice from api/handler.ts.t
// action=new:^view|^/api|\.test\. subaction=^view|^/api|\.test\.
