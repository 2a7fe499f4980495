---
to: src/components/<%= name %>/<%= name %>.stories.tsx
---
import type { Meta, StoryObj } from '@storybook/react'
import { <%= name %> } from './<%= name %>'

const meta: Meta<typeof <%= name %>> = {
  title: 'Components/<%= h.changeCase.sentenceCase(name) %>',
  component: <%= name %>,
}
export default meta

export const Default: StoryObj<typeof <%= name %>> = { args: {} }
