/** The pure check: local files named by site.yaml and the records must be among the site's paths. */
import { describe, expect, it } from 'vitest';
import { type LocalFilesInput, missingLocalFiles } from '../../src/content/local-files.js';

const settingsText = 'title: T\nurl: https://news.example/\npublisher:\n  name: P\n  logo: { src: /logo.png }\n';

function input(paths: string[], logo: string, images: string[]): LocalFilesInput {
  return {
    site: { url: 'https://news.example/', publisher: { logo: { url: logo } } },
    articles: images.map((url, index) => ({
      sourcePath: `content/articles/a${index}.md`,
      image: { url, alt: 'x', width: 1, height: 1 },
    })),
    paths: new Set(paths),
    settings: { file: 'content/site.yaml', text: settingsText },
    publicDir: 'content/public',
  };
}

describe('missingLocalFiles', () => {
  it('names the setting, its line and the expected file for a missing logo', () => {
    expect(missingLocalFiles(input([], 'https://news.example/logo.png', []))).toEqual([
      {
        file: 'content/site.yaml',
        line: 5,
        field: 'publisher.logo.src',
        message: 'expected a file content/public/logo.png, found none',
      },
    ]);
  });

  it('names the record and field of a missing image, decoding the path', () => {
    const problems = missingLocalFiles(
      input(['logo.png'], 'https://news.example/logo.png', ['https://news.example/images/une%20photo.jpg']),
    );
    expect(problems).toEqual([
      {
        file: 'content/articles/a0.md',
        field: 'image.src',
        message: 'expected a file content/public/images/une photo.jpg, found none',
      },
    ]);
  });

  it('accepts present files and never checks remote URLs', () => {
    const paths = ['logo.png', 'images/a.jpg'];
    const images = ['https://news.example/images/a.jpg', 'https://cdn.example/b.jpg'];
    expect(missingLocalFiles(input(paths, 'https://cdn.example/logo.png', images))).toEqual([]);
    expect(missingLocalFiles(input(paths, 'https://news.example/logo.png', images))).toEqual([]);
  });
});
