-- model Invoice Line (Invoice Line), flag was from_flag
CREATE TABLE invoice_lines (id integer primary key);
