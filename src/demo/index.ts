export { DEMO_NODES, type DemoStaff, demoStaffFor, runDemo, seedDemoStaff } from './demo.ts'
