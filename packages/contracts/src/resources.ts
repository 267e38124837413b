// Placeholder until the resources branch (`res`) is merged: the enumerations expected capacity needs.
import { z } from 'zod'

export const resourceKindSchema = z
  .enum(['stable', 'variableSingle', 'variableAggregate', 'dispatchOrder'])
  .meta({ id: 'ResourceKind' })
export const areaSchema = z
  .enum([
    'hokkaido',
    'tohoku',
    'tokyo',
    'chubu',
    'hokuriku',
    'kansai',
    'chugoku',
    'shikoku',
    'kyushu',
  ])
  .meta({ id: 'Area' })
export const generationTypeSchema = z
  .enum([
    'coal',
    'lng',
    'oil',
    'nuclear',
    'hydroReservoir',
    'hydroRunOfRiver',
    'pumpedStorage',
    'battery',
    'solar',
    'windOnshore',
    'windOffshore',
    'geothermal',
    'biomass',
    'waste',
    'demandResponse',
    'other',
  ])
  .meta({ id: 'GenerationType' })
