// Logs a line the simulator's Cloud panel lists under "Function logs"
exports.main = async (event) => {
  console.log('greeting ' + event.who)
  return { hello: event.who }
}
