export {
  type EducationArticleView,
  type EducationTopic,
  listArticles,
  type PublishArticleInput,
  publishArticle,
} from './education.ts'
