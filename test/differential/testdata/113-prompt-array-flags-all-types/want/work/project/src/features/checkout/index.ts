// kind: page, priority 3
export const routes = ["cart","pay"]
export const tested = true
