export const Avatar = () => null;
