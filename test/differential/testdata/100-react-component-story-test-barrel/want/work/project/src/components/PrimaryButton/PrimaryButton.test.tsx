import { render, screen } from '@testing-library/react'
import { PrimaryButton } from './PrimaryButton'

describe('PrimaryButton', () => {
  it('renders', () => {
    render(<PrimaryButton label={"label"} onClick={() => {}} />)
    expect(screen.getByText('label')).toBeTruthy()
  })
})
