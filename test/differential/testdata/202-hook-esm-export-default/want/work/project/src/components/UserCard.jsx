export const UserCard = () => <div className="user-card" />
