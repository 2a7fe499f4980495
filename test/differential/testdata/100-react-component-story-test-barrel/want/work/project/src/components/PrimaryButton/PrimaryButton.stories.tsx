import type { Meta, StoryObj } from '@storybook/react'
import { PrimaryButton } from './PrimaryButton'

const meta: Meta<typeof PrimaryButton> = {
  title: 'Components/Primary button',
  component: PrimaryButton,
}
export default meta

export const Default: StoryObj<typeof PrimaryButton> = { args: {} }
