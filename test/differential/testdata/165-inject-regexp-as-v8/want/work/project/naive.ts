const naïve = 1;
