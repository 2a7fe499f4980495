// Invoice from api.ts.t
// action=new:^view|^/api|\.test\. subaction=^view|^/api|\.test\.
