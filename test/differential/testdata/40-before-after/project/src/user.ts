export interface User {
  id: number;
  name: string;
}

export function getField(u: User, field: string): unknown {
  switch (field) {
    case 'id':
      return u.id;
    default:
      return undefined;
  }
}

export function describeField(field: string): string {
  switch (field) {
    default:
      return 'unknown';
  }
}
