const v = 'old';
