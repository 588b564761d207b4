import counter from './counter'
import { next as nextValue } from './counter'
import * as everything from './esm-helper'
import tiny from 'tiny-lib'

export const answer = 42
export let mutable = 1
export function bump() { mutable += 1; return mutable }
export class Greeter { greet(n) { return 'hello ' + n } }
export { nextValue, counter as counterModule }
export * from './esm-helper'
export default function main() { return 'main:' + everything.helper() + ':' + tiny.name }
