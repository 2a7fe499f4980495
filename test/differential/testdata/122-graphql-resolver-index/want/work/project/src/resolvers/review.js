module.exports = {
  Query: {
    reviews: (_, __, { db }) => db.reviews.findMany(),
  },
}
