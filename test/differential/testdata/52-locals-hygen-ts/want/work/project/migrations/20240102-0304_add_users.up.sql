-- string 20240102-0304
CREATE TABLE users ();
