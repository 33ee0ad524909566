import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum BillingInterval {
  Month = 'month',
  Year = 'year',
}

@Entity('plans')
export class Plan {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40, unique: true })
  code: string;

  @Column({ name: 'price_cents', type: 'integer' })
  priceCents: number;

  @Column({ type: 'enum', enum: BillingInterval, enumName: 'billing_interval', default: BillingInterval.Month })
  interval: BillingInterval;
}
