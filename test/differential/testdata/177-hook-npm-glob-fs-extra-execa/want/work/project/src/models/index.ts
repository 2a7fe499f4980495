// demo-app: from execa
export * from './team'
export * from './user'
// AssertionError ERR_ASSERTION deepStrictEqual | O_WRONLY=1 SIGINT=2 ENOENT=2 deep=true,false
