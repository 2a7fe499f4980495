export const Get = 1;
