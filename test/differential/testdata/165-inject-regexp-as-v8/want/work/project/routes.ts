import { a } from "./a";
import { b } from "./b";

export const routes = [a, b];
