export {
  type Classification,
  type ClassifyOptions,
  classifyMessage,
  type MessageKind,
} from "./classify/classify-message.js";
