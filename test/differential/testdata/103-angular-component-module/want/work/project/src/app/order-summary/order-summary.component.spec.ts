import { TestBed } from '@angular/core/testing'
import { OrderSummaryComponent } from './order-summary.component'

describe('OrderSummaryComponent', () => {
  beforeEach(() => TestBed.configureTestingModule({ declarations: [OrderSummaryComponent] }))
  it('should create', () => {
    expect(TestBed.createComponent(OrderSummaryComponent).componentInstance).toBeTruthy()
  })
})
