test('mailer', () => {});
