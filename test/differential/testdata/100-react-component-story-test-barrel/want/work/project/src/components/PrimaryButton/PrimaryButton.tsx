import React from 'react'

export interface PrimaryButtonProps {
  label: string
  onClick: () => void
}

export const PrimaryButton = ({ label, onClick }: PrimaryButtonProps) => (
  <div className="primary-button" onClick={onClick}>
    {label}
  </div>
)

export default PrimaryButton
