import styles from './Tooltip.module.css'
export const Tooltip = () => <span className={styles.root} />
