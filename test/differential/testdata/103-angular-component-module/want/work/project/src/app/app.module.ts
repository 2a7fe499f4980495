import { OrderSummaryComponent } from './order-summary/order-summary.component'
import { NgModule } from '@angular/core'
import { AppComponent } from './app.component'

@NgModule({
  declarations: [
    OrderSummaryComponent,
    AppComponent,
  ],
  bootstrap: [AppComponent],
})
export class AppModule {}
