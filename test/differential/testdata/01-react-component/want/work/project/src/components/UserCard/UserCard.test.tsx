import { render, screen } from '@testing-library/react';
import { UserCard } from './UserCard';

describe('UserCard', () => {
  it('renders its label', () => {
    render(<UserCard label="Tom &amp; Jerry" />);
    expect(screen.getByText('Tom & Jerry')).toBeTruthy();
  });
});
