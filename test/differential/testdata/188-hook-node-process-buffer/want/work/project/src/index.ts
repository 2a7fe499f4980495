export const a = 1
export * from "./b"
