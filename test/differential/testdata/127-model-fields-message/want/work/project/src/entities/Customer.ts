import { Entity, PrimaryGeneratedColumn, Column } from 'typeorm'

@Entity('customers')
export class Customer {
  @PrimaryGeneratedColumn()
  id!: number

  @Column()
  email!: string

  @Column()
  age!: number

  @Column()
  active!: boolean
}
