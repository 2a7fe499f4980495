import { NgModule } from '@angular/core'
import { AppComponent } from './app.component'

@NgModule({
  declarations: [
    AppComponent,
  ],
  bootstrap: [AppComponent],
})
export class AppModule {}
