import React from 'react';
import styles from './UserCard.module.css';

export interface UserCardProps {
  label: string;
  onSelect?: () => void;
}

export const UserCard = ({ label, onSelect }: UserCardProps) => (
  <div className={styles.userCard} onClick={onSelect}>
    {label}
  </div>
);
