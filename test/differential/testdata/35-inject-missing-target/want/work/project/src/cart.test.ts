test("cart");
