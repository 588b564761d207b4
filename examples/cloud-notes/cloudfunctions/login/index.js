// Who is calling: the user's openid as WeChat's login template returns it
const cloud = require('wx-server-sdk')

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })

exports.main = async (event) => {
  const { OPENID, APPID, UNIONID, ENV } = cloud.getWXContext()
  return { openid: OPENID, appid: APPID, unionid: UNIONID, env: ENV, sameUser: event.userInfo.openId === OPENID }
}
