import Layout from '../layouts/wide'

export default function AboutUsPage() {
  return <Layout title="About us" />
}
