// Invoice from model/model.test.ts.t
// action=new:^view|^/api|\.test\. subaction=^view|^/api|\.test\.
