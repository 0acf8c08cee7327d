/** The colleagues a coach can ask to stand in (vervanging aanvragen). */
import { contract } from '../contract';
import { id } from '../schemas/common';
import { z } from '../schemas/zod';

export const ColleagueList = z.object({ items: z.array(z.object({ _id: id, name: z.string() })) });

export const colleagues = contract('Collega\u2019s', {
  coaches: {
    method: 'get',
    path: '/colleagues/coaches',
    summary: 'De andere actieve coaches, om een vervanger te kiezen (alleen naam)',
    response: ColleagueList,
  },
});
