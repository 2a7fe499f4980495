export class MailerService {}
