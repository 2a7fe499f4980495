export * from './Header';
export * from './UserCard';
